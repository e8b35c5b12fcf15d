using InternalStore.Application.Common;
using InternalStore.Domain.Support;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Support;

/// <summary>
/// Closes the cases solved at least <see cref="ServiceTargets.ClosesAfterSolved"/> ago without a reply, a batch
/// at a time (the worker's sweep). Two processes sweeping at once: the loser's save conflicts on the case's
/// version and its next round finds nothing left to close.
/// </summary>
public sealed record CloseSolvedCasesCommand(DateTimeOffset Now, int Batch) : ICommand<int>;

public sealed class CloseSolvedCasesHandler(IStoreDb db, SupportAccess access) : ICommandHandler<CloseSolvedCasesCommand, int>
{
    public async ValueTask<int> Handle(CloseSolvedCasesCommand command, CancellationToken cancellationToken)
    {
        var solvedBefore = command.Now - ServiceTargets.ClosesAfterSolved;
        var due = await db.SupportCases.AsSplitQuery().Where(c => c.State == CaseState.Solved && c.SolvedAt <= solvedBefore)
            .OrderBy(c => c.SolvedAt).Take(command.Batch).ToListAsync(cancellationToken);
        var closed = 0;
        foreach (var @case in due)
        {
            if (@case.CloseIfSolvedLongEnough(command.Now, await access.CalendarAsync(@case.Company, cancellationToken)))
                closed++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return closed;
    }
}
