using InternalStore.Domain.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using FluentValidation;
using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Domain.Pricing;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Finance;

/// <summary>
/// Replaces the markups. Departments pay cost x (1 + markup); affiliates cost x (1 + intercompany markup).
/// The markups are the group's: only finance of the group's parent sets them.
/// </summary>
public sealed record UpdateTransferPricingCommand(Caller Caller, decimal? DefaultMarkupPercent, decimal? IntercompanyMarkupPercent,
    IReadOnlyList<CategoryMarkupDto?>? CategoryMarkups) : ICommand<TransferPricingDto>, ICallerMessage;

public sealed class UpdateTransferPricingValidator : AbstractValidator<UpdateTransferPricingCommand>
{
    public UpdateTransferPricingValidator()
    {
        RuleFor(x => x.DefaultMarkupPercent).NotNull().InclusiveBetween(0m, 1000m).OverridePropertyName("defaultMarkupPercent");
        RuleFor(x => x.IntercompanyMarkupPercent).NotNull().InclusiveBetween(0m, 1000m)
            .OverridePropertyName("intercompanyMarkupPercent");
        RuleForEach(x => x.CategoryMarkups).NotNull().WithMessage("A category markup is an object {category, markupPercent}.")
            .ChildRules(m =>
            {
                m.RuleFor(x => x!.Category).NotEmpty().MaximumLength(50).OverridePropertyName("category");
                m.RuleFor(x => x!.MarkupPercent).InclusiveBetween(0m, 1000m).OverridePropertyName("markupPercent");
            }).OverridePropertyName("categoryMarkups");
        RuleFor(x => x.CategoryMarkups).Must(m => m is null || m.Select(c => c?.Category).Distinct().Count() == m.Count)
            .WithMessage("A category has one markup.").OverridePropertyName("categoryMarkups");
    }
}

public sealed class UpdateTransferPricingHandler(IStoreDb db, OrganisationAuthority authority)
    : ICommandHandler<UpdateTransferPricingCommand, TransferPricingDto>
{
    public async ValueTask<TransferPricingDto> Handle(UpdateTransferPricingCommand command, CancellationToken cancellationToken)
    {
        var scope = await authority.ScopeOfAsync(command.Caller, cancellationToken);
        if (!scope.CoversGroup)
            throw new ForbiddenException(
                $"Transfer-pricing markups are the group's: only finance of {scope.Chart.Top} sets them.");
        var markups = new JsonArray([.. (command.CategoryMarkups ?? []).OfType<CategoryMarkupDto>().Select(m => (JsonNode)new JsonObject
        {
            ["category"] = m.Category,
            ["markupPercent"] = m.MarkupPercent.ToString(CultureInfo.InvariantCulture),
        })]);
        var settings = await db.TransferPricing.FirstOrDefaultAsync(cancellationToken);
        if (settings is null)
            db.TransferPricing.Add(settings = new TransferPricingSettings(0m, 0m, "[]"));
        settings.Replace(command.DefaultMarkupPercent!.Value, command.IntercompanyMarkupPercent!.Value, markups.ToJsonString());
        await db.SaveChangesAsync(cancellationToken);
        return TransferPricingMapping.ToDto(settings);
    }
}
