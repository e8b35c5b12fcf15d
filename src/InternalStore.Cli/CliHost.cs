using InternalStore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InternalStore.Cli;

/// <summary>Builds the same services as the API (configuration, database, mediator) for one command.</summary>
internal static class CliHost
{
    public static IHost Build()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            // Development unless told otherwise, like `dotnet run` of the API. A token signed with the
            // development key is accepted only by an API that itself runs in Development.
            EnvironmentName = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
                ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
                ?? Environments.Development,
        });
        builder.Logging.ClearProviders();
        // stdout carries the command's result (a token, a key): logs go to stderr, and only when they matter.
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        // A provider-specific rule outranks appsettings' "Default": keep the CLI quiet whatever the API logs.
        builder.Logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(null, LogLevel.Warning);
        builder.Services.AddInfrastructure(builder.Configuration);
        return builder.Build();
    }

    /// <summary>Runs a command body in a DI scope; failures become one line on stderr and exit code 1.</summary>
    public static async Task<int> RunAsync(Func<IServiceProvider, CancellationToken, Task> body,
        CancellationToken cancellationToken)
    {
        try
        {
            using var host = Build();
            await using var scope = host.Services.CreateAsyncScope();
            await body(scope.ServiceProvider, cancellationToken);
            return 0;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"error: {OneLine(ex)}");
            return 1;
        }
    }

    private static string OneLine(Exception ex)
    {
        var message = ex switch
        {
            FluentValidation.ValidationException validation =>
                string.Join("; ", validation.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}")),
            _ => ex.GetBaseException().Message,
        };
        return message.ReplaceLineEndings(" ");
    }
}
