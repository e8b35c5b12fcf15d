using FluentValidation;
using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.Support;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Support;

public sealed record CaseLinkInput(string? Type, string? Id);

/// <summary>A buyer asks for help: a case in the queue of the team its category names, in the buyer's company.</summary>
public sealed record OpenCaseCommand(Caller Caller, string? IdempotencyKey, string? Category, string? Priority, string? Subject,
    string? Message, IReadOnlyList<CaseLinkInput>? Links) : ICommand<CaseResult>, ICallerMessage
{
    public string RequestHash => Common.RequestHash.OfJson(new { Category, Priority, Subject, Message, Links });
}

public sealed class OpenCaseValidator : AbstractValidator<OpenCaseCommand>
{
    public OpenCaseValidator()
    {
        RuleFor(x => x.IdempotencyKey).NotEmpty().WithMessage("Send an Idempotency-Key header: a retry with it is safe.")
            .MaximumLength(100).OverridePropertyName("Idempotency-Key");
        RuleFor(x => x.Category).Must(c => WireNames.TryParseWire<CaseCategory>(c, out _))
            .WithMessage($"category is one of {WireNames.All<CaseCategory>()}.").OverridePropertyName("category");
        RuleFor(x => x.Priority).Must(p => p is null || WireNames.TryParseWire<CasePriority>(p, out _))
            .WithMessage($"priority is one of {WireNames.All<CasePriority>()} (default normal).").OverridePropertyName("priority");
        RuleFor(x => x.Subject).NotEmpty().MaximumLength(SupportCase.MaxSubjectLength).OverridePropertyName("subject");
        RuleFor(x => x.Message).NotEmpty().MaximumLength(SupportCase.MaxMessageLength).OverridePropertyName("message");
        RuleFor(x => x.Links).Must(l => l is null || l.Count <= 10).WithMessage("A case links at most 10 things.").OverridePropertyName("links");
        RuleForEach(x => x.Links).NotNull().WithMessage("A link is {type, id}.").SetValidator(new CaseLinkInputValidator())
            .OverridePropertyName("links");
    }
}

public sealed class CaseLinkInputValidator : AbstractValidator<CaseLinkInput>
{
    public CaseLinkInputValidator()
    {
        RuleFor(l => l.Type).Must(t => CaseLink.Types.Contains(t)).WithMessage($"type is one of {string.Join(", ", CaseLink.Types)}.")
            .OverridePropertyName("type");
        RuleFor(l => l.Id).NotEmpty().MaximumLength(120).OverridePropertyName("id");
    }
}

public sealed class OpenCaseHandler(IStoreDb db, SupportAccess access, CaseLinks links, TimeProvider clock)
    : ICommandHandler<OpenCaseCommand, CaseResult>
{
    public async ValueTask<CaseResult> Handle(OpenCaseCommand command, CancellationToken cancellationToken)
    {
        var caller = command.Caller;
        var earlier = await db.SupportCases.AsNoTracking().AsSplitQuery()
            .FirstOrDefaultAsync(c => c.RequesterId == caller.Subject && c.IdempotencyKey == command.IdempotencyKey, cancellationToken);
        if (earlier is not null)
            return earlier.RequestHash == command.RequestHash
                ? new CaseResult(earlier.ToDto(await access.CalendarAsync(earlier.Company, cancellationToken), clock.GetUtcNow(), staff: false), false)
                : throw new IdempotencyKeyReusedException(command.IdempotencyKey!);

        var caseLinks = (command.Links ?? []).Select(l => new CaseLink(l.Type!, l.Id!.Trim())).Distinct().ToList();
        foreach (var link in caseLinks)
            await links.EnsureVisibleAsync(caller, link, cancellationToken);
        var company = await access.RequesterCompanyAsync(caller, cancellationToken);
        var category = WireNames.TryParseWire<CaseCategory>(command.Category, out var c) ? c
            : throw new DomainValidationException("validation", "category", $"category is one of {WireNames.All<CaseCategory>()}.");
        var priority = WireNames.TryParseWire<CasePriority>(command.Priority, out var p) ? p : CasePriority.Normal;
        var now = clock.Stored();
        var role = SupportAccess.RequesterRoles.First(caller.IsInRole);
        var @case = SupportCase.Open(company, category, priority, command.Subject!.Trim(), command.Message!.Trim(), caller.Subject, role, now,
            caseLinks, command.IdempotencyKey, command.RequestHash);
        db.SupportCases.Add(@case);
        await db.SaveChangesAsync(cancellationToken);
        return new CaseResult(@case.ToDto(await access.CalendarAsync(company, cancellationToken), now, staff: false), true);
    }
}
