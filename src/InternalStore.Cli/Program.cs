using System.CommandLine;
using InternalStore.Cli.Commands;

var root = new RootCommand("internalstore: admin CLI of the InternalStore employee discount store. "
    + "Uses the API's configuration (appsettings.json, environment variables such as Database__Provider).")
{
    MigrateCommand.Create(),
    SeedDemoCommand.Create(),
    SeedScaleCommand.Create(),
    TokenCommand.Create(),
    ApiKeyCommand.Create(),
    ScimTokenCommand.Create(),
    QuoteCommand.Create(),
    PolicyCommand.Create(),
    ImportEmployeesCommand.Create(),
    ImportProductsCommand.Create(),
    FinanceCommands.ExportPayroll(),
    FinanceCommands.BillSubscriptions(),
    FinanceCommands.Chargebacks(),
    FinanceCommands.ExportTaxableBenefits(),
};

return await root.Parse(args).InvokeAsync();
