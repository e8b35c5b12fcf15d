using InternalStore.Application.Authority;
using FluentValidation;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.Pricing;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Promotions;

/// <summary>Creates a promotion; the same request again replays it, another with the same id is a conflict.</summary>
public sealed record CreatePromotionCommand(Caller Caller, string? Id, PromotionInput Promotion)
    : ICommand<CreatePromotionResult>, ICallerMessage;

public sealed record CreatePromotionResult(PromotionDto Promotion, bool Created);

public sealed class CreatePromotionValidator : AbstractValidator<CreatePromotionCommand>
{
    public CreatePromotionValidator()
    {
        RuleFor(x => x.Id).NotEmpty().MaximumLength(60).Matches("^[a-z0-9]+(-[a-z0-9]+)*$")
            .WithMessage("A promotion id is lower-case words joined by hyphens.").OverridePropertyName("id");
        this.InputRules(x => x.Promotion);
    }
}

public sealed class CreatePromotionHandler(IStoreDb db, OrganisationAuthority authority)
    : ICommandHandler<CreatePromotionCommand, CreatePromotionResult>
{
    public async ValueTask<CreatePromotionResult> Handle(CreatePromotionCommand command, CancellationToken cancellationToken)
    {
        var p = command.Promotion;
        PromotionRules.EnsureMayManage(command.Caller, p.Audience!);
        var company = p.Audience == StorePromotion.AudienceEmployee ? command.Caller.Company : null;
        await EnsureTargetExistsAsync(db, p, cancellationToken);

        var existing = await db.Promotions.FirstOrDefaultAsync(x => x.Id == command.Id, cancellationToken);
        if (existing is not null)
        {
            var scope = await authority.ScopeOfAsync(command.Caller, cancellationToken);
            return existing.Company == company
                   && existing.SameAs(p.Sku, p.Category, p.Percent!.Value, p.Audience!, p.From!.Value, p.To!.Value)
                   && scope.MaySee(existing)
                ? new CreatePromotionResult(existing.ToDto(), Created: false)
                : throw new ConflictException("invalid-state", $"Promotion '{command.Id}' already exists with other terms.");
        }

        var promotion = new StorePromotion(command.Id!, p.Sku, p.Category, p.Percent!.Value, p.Audience!, p.From!.Value,
            p.To!.Value, company);
        db.Promotions.Add(promotion);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatePromotionResult(promotion.ToDto(), Created: true);
    }

    internal static async Task EnsureTargetExistsAsync(IStoreDb db, PromotionInput p, CancellationToken cancellationToken)
    {
        if (p.Sku is not null && !await db.Products.AnyAsync(x => x.Sku == p.Sku, cancellationToken))
            throw new DomainValidationException("unknown-sku", "sku", $"SKU '{p.Sku}' is not in the catalog.");
        if (p.Category is not null && !await db.Products.AnyAsync(x => x.Category == p.Category, cancellationToken))
            throw new DomainValidationException("validation", "category", $"Category '{p.Category}' is not in the catalog.");
    }
}
