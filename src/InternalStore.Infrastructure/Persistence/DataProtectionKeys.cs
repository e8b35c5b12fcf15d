using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InternalStore.Infrastructure.Persistence;

/// <summary>
/// The key ring of cookies and antiforgery tokens lives in the store's database (EF Core's standard key store), so
/// every instance of the API reads what another wrote and a restart signs nobody out. The keys are not encrypted there:
/// whoever reads the database reads everything the keys protect already (docs/deploy.md).
/// </summary>
public static class DataProtectionKeys
{
    public static IServiceCollection AddStoreDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("InternalStore");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(options =>
            options.XmlRepository = new AfterMigration(
                new EntityFrameworkCoreXmlRepository<StoreDbContext>(sp, sp.GetRequiredService<ILoggerFactory>()),
                sp.GetRequiredService<DatabaseStartup>())));
        return services;
    }

    /// <summary>
    /// Data protection loads its key ring as the host starts, while migrations may still be creating the table: it
    /// waits for them (no time at all once the database is up to date).
    /// </summary>
    private sealed class AfterMigration(IXmlRepository keys, DatabaseStartup database) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements()
        {
            Wait();
            return keys.GetAllElements();
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            Wait();
            keys.StoreElement(element, friendlyName);
        }

        private void Wait()
        {
            if (!database.Ready.IsCompleted)
                database.Ready.GetAwaiter().GetResult();
        }
    }
}
