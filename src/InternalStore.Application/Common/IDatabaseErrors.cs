using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Common;

/// <summary>Reads provider-specific failures in provider-neutral terms.</summary>
public interface IDatabaseErrors
{
    /// <summary>True when the save failed because a unique index or primary key already holds the value.</summary>
    bool IsUniqueViolation(DbUpdateException exception);
}
