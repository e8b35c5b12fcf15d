using InternalStore.Application.Authority;
using FluentValidation;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Promotions;

/// <summary>Changes a promotion's terms. Who may change it depends on its audience, before and after.</summary>
public sealed record UpdatePromotionCommand(Caller Caller, string Id, PromotionInput Promotion) : ICommand<PromotionDto>, ICallerMessage;

public sealed class UpdatePromotionValidator : AbstractValidator<UpdatePromotionCommand>
{
    public UpdatePromotionValidator() => this.InputRules(x => x.Promotion);
}

public sealed class UpdatePromotionHandler(IStoreDb db, OrganisationAuthority authority)
    : ICommandHandler<UpdatePromotionCommand, PromotionDto>
{
    public async ValueTask<PromotionDto> Handle(UpdatePromotionCommand command, CancellationToken cancellationToken)
    {
        var scope = await authority.ScopeOfAsync(command.Caller, cancellationToken);
        var promotion = await db.Promotions.FirstOrDefaultAsync(x => x.Id == command.Id, cancellationToken);
        if (promotion is null || !scope.MaySee(promotion))
            throw new NotFoundException("Promotion", command.Id);
        var p = command.Promotion;
        PromotionRules.EnsureMayManage(command.Caller, promotion.Audience);
        PromotionRules.EnsureMayManage(command.Caller, p.Audience!);
        // A staff promotion stays its company's: a subsidiary's HR sees the parent's but cannot change it.
        if (promotion.Company is not null && !scope.Covers(promotion.Company))
            throw new ForbiddenException($"Promotion '{command.Id}' is {promotion.Company}'s; its HR changes it.");
        await CreatePromotionHandler.EnsureTargetExistsAsync(db, p, cancellationToken);

        promotion.Change(p.Sku, p.Category, p.Percent!.Value, p.Audience!, p.From!.Value, p.To!.Value);
        await db.SaveChangesAsync(cancellationToken);
        return promotion.ToDto();
    }
}
