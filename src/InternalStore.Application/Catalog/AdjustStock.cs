using InternalStore.Application.Authority;
using FluentValidation;
using InternalStore.Application.Common;
using InternalStore.Domain.Catalog;
using InternalStore.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Catalog;

/// <summary>Moves stock by a signed delta with a reason. An idempotency key makes a retry safe.</summary>
public sealed record AdjustStockCommand(Caller Caller, string Sku, int? Delta, string? Reason, string? IdempotencyKey)
    : ICommand<StockAdjustmentResult>, ICallerMessage;

public sealed record StockAdjustmentResult(StockAdjustmentDto Adjustment, bool Replayed);

public sealed class AdjustStockValidator : AbstractValidator<AdjustStockCommand>
{
    public AdjustStockValidator()
    {
        RuleFor(x => x.Delta).NotNull().NotEqual(0).InclusiveBetween(-1_000_000, 1_000_000).OverridePropertyName("delta");
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(StockAdjustment.MaxReasonLength).OverridePropertyName("reason");
        RuleFor(x => x.IdempotencyKey).MaximumLength(100).OverridePropertyName("Idempotency-Key");
    }
}

public sealed class AdjustStockHandler(IStoreDb db, TimeProvider clock)
    : ICommandHandler<AdjustStockCommand, StockAdjustmentResult>
{
    public async ValueTask<StockAdjustmentResult> Handle(AdjustStockCommand command, CancellationToken cancellationToken)
    {
        if (command.IdempotencyKey is { } key)
        {
            var earlier = await db.StockAdjustments.AsNoTracking().FirstOrDefaultAsync(
                a => a.AdjustedBy == command.Caller.Subject && a.IdempotencyKey == key, cancellationToken);
            if (earlier is not null)
                return earlier.IsSameRequestAs(command.Sku, command.Delta!.Value, command.Reason!)
                    ? new StockAdjustmentResult(earlier.ToDto(), Replayed: true)
                    : throw new IdempotencyKeyReusedException(key);
        }

        var product = (await db.LockProductsAsync([command.Sku], cancellationToken)).SingleOrDefault()
            ?? throw new NotFoundException("Product", command.Sku);
        var adjustment = product.AdjustStock(command.Delta!.Value, command.Reason!, command.Caller.Subject,
            clock.GetUtcNow(), command.IdempotencyKey);
        db.StockAdjustments.Add(adjustment);
        await db.SaveChangesAsync(cancellationToken);
        return new StockAdjustmentResult(adjustment.ToDto(), Replayed: false);
    }
}
