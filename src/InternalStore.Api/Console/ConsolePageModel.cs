using FluentValidation;
using InternalStore.Api.Auth;
using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InternalStore.Api.Console;

/// <summary>
/// Base of every console page: the signed-in caller, and the same Mediator requests as the API,
/// with their refusals turned into messages on the page instead of problem details.
/// </summary>
public abstract class ConsolePageModel(ISender sender) : PageModel
{
    protected ISender Sender { get; } = sender;

    /// <summary>Where the error pages lead back to, and the stylesheet they use.</summary>
    protected virtual (string Home, string Name, string Stylesheet) Area => ("/console", "Console home", "/console/console.css");

    public Caller Caller => User.ToCaller();

    /// <summary>A message shown above the page's content after a successful action.</summary>
    [TempData]
    public string? Notice { get; set; }

    /// <summary>Sends a command; validation failures land beside their fields, conflicts above the form.</summary>
    protected Task<T?> TrySendAsync<T>(ICommand<T> command) where T : class =>
        TryAsync(() => Sender.Send(command, HttpContext.RequestAborted).AsTask());

    /// <summary>Sends a command without an answer; false (with the messages on the page) when it was refused.</summary>
    protected async Task<bool> TryRunAsync(ICommand command) =>
        await TryAsync<object>(async () =>
        {
            await Sender.Send(command, HttpContext.RequestAborted);
            return command;
        }) is not null;

    /// <summary>Sends a query whose parameters come from the page's form; refusals become messages.</summary>
    protected Task<T?> TryQueryAsync<T>(IQuery<T> query) where T : class =>
        TryAsync(() => Sender.Send(query, HttpContext.RequestAborted).AsTask());

    private async Task<T?> TryAsync<T>(Func<Task<T>> send) where T : class
    {
        try
        {
            return await send();
        }
        catch (ValidationException ex)
        {
            foreach (var failure in ex.Errors)
                ModelState.AddModelError(failure.PropertyName, failure.ErrorMessage);
        }
        catch (DomainValidationException ex)
        {
            ModelState.AddModelError(ex.Field, ex.Message);
        }
        catch (ConflictException ex)
        {
            ModelState.AddModelError("", ex.Message);
        }
        catch (ForbiddenException ex)
        {
            ModelState.AddModelError("", ex.Message);
        }
        catch (IdempotencyKeyReusedException)
        {
            ModelState.AddModelError("", "This form was already submitted with other values; reload the page and try again.");
        }

        return null;
    }

    /// <summary>The first message for a field, for display beside it.</summary>
    public string? ErrorFor(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>
    /// An unknown id (or one the caller may not see) is a plain 404 page; a session whose claims the
    /// organisation does not confirm, or an action outside the caller's scope, a plain 403 page.
    /// </summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var executed = await next();
        var (status, title) = executed.Exception switch
        {
            NotFoundException => (StatusCodes.Status404NotFound, "Not found"),
            UnknownOrganisationException or ForbiddenException => (StatusCodes.Status403Forbidden, "Not yours to see"),
            _ => (0, ""),
        };
        if (status == 0)
            return;
        executed.ExceptionHandled = true;
        var (home, homeName, stylesheet) = Area;
        executed.Result = new ContentResult
        {
            StatusCode = status,
            ContentType = "text/html; charset=utf-8",
            Content = $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title>"
                + $"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><link rel=\"stylesheet\" href=\"{stylesheet}\"></head><body><main><h1>{title}</h1><p>"
                + System.Net.WebUtility.HtmlEncode(executed.Exception!.Message)
                + $"</p><p><a href=\"{home}\">{homeName}</a></p></main></body></html>",
        };
    }

    protected IActionResult Csv(string content, string fileName) =>
        File(System.Text.Encoding.UTF8.GetBytes(content), "text/csv; charset=utf-8", fileName);
}
