using InternalStore.Domain.Access;
using InternalStore.Domain.Catalog;
using InternalStore.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace InternalStore.Application.Common;

/// <summary>The store's unit of work. Implemented by the EF Core context of the chosen provider.</summary>
public interface IStoreDb
{
    DbSet<Product> Products { get; }
    DbSet<StockAdjustment> StockAdjustments { get; }
    DbSet<Company> Companies { get; }
    DbSet<CostCenter> CostCenters { get; }
    DbSet<Employee> Employees { get; }
    DbSet<ApiKey> ApiKeys { get; }

    DatabaseFacade Database { get; }
    ChangeTracker ChangeTracker { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
