using FluentValidation;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.InternalServices;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.InternalServices;

/// <summary>
/// The centre's department buyer accepts a closed month's statement: no line pending and no dispute open
/// (409 <c>invalid-state</c>). Accepting again answers the acceptance; an accepted statement takes no disputes.
/// </summary>
public sealed record AcceptStatementCommand(Caller Caller, string Code, string? Month) : ICommand<CostCentreStatementDto>, Authority.ICallerMessage;

public sealed class AcceptStatementValidator : AbstractValidator<AcceptStatementCommand>
{
    public AcceptStatementValidator() =>
        RuleFor(x => x.Month).Must(m => AccountingMonth.TryParse(m, out _)).WithMessage("month is YYYY-MM, e.g. 2026-11.")
            .OverridePropertyName("month");
}

public sealed class AcceptStatementHandler(IStoreDb db, CostCentreStatements statements, TimeProvider clock)
    : ICommandHandler<AcceptStatementCommand, CostCentreStatementDto>
{
    public async ValueTask<CostCentreStatementDto> Handle(AcceptStatementCommand command, CancellationToken cancellationToken)
    {
        var month = AccountingMonth.Parse(command.Month);
        var statement = await statements.OfAsync(command.Caller, command.Code, month, cancellationToken);
        if (!InternalServiceAccess.BuysFor(command.Caller, command.Code))
            throw new ForbiddenException($"The statement is accepted by the department buyer of {command.Code}.");
        if (statement.Status == "accepted")
            return statement;
        if (statement.Status != "closed" || statement.Lines.Any(l => l.Status == "pending"))
            throw new ConflictException("invalid-state", $"{month} is not closed for {command.Code} yet; a statement is accepted once final.");
        if (statement.OpenDisputes > 0)
            throw new ConflictException("invalid-state", $"{statement.OpenDisputes} dispute(s) on this statement are still open.");
        db.StatementAcceptances.Add(new StatementAcceptance(command.Code, month, statement.Total, command.Caller.Subject, clock.Stored()));
        await db.SaveChangesAsync(cancellationToken);
        return await statements.OfAsync(command.Caller, command.Code, month, cancellationToken);
    }
}
