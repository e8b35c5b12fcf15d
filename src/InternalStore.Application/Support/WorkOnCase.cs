using FluentValidation;
using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.Support;
using Mediator;

namespace InternalStore.Application.Support;

/// <summary>A reply on a case: the requester's reopens it when pending or solved; staff may write an internal note.</summary>
public sealed record AddCaseMessageCommand(Caller Caller, Guid Id, string? Text, bool? Internal) : ICommand<CaseDto>, ICallerMessage;

public sealed class AddCaseMessageValidator : AbstractValidator<AddCaseMessageCommand>
{
    public AddCaseMessageValidator() =>
        RuleFor(x => x.Text).NotEmpty().MaximumLength(SupportCase.MaxMessageLength).OverridePropertyName("text");
}

public sealed class AddCaseMessageHandler(IStoreDb db, SupportAccess access, TimeProvider clock, Notifications.Notifier notifier) : ICommandHandler<AddCaseMessageCommand, CaseDto>
{
    public async ValueTask<CaseDto> Handle(AddCaseMessageCommand command, CancellationToken cancellationToken)
    {
        var (@case, staff) = await access.CaseAsync(command.Caller, command.Id, cancellationToken);
        var calendar = await access.CalendarAsync(@case.Company, cancellationToken);
        var now = clock.Stored();
        var text = command.Text!.Trim();
        if (staff)
        {
            @case.ReplyAsStaff(command.Caller.Subject, text, command.Internal == true, now, calendar);
            if (command.Internal != true)
                await CaseNotices.ToRequesterAsync(notifier, @case, $"{command.Caller.Subject} replied:\n{text}", cancellationToken);
        }
        else if (command.Internal == true)
        {
            throw new DomainValidationException("validation", "internal", "An internal note is written by staff; a requester's message is always seen.");
        }
        else
        {
            @case.ReplyAsRequester(text, now, calendar);
            await CaseNotices.ToAssigneeAsync(notifier, @case, $"{@case.RequesterId} replied:\n{text}", cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return @case.ToDto(calendar, now, staff);
    }
}

/// <summary>Staff of the case's team give it to one of them (themselves: taking it).</summary>
public sealed record AssignCaseCommand(Caller Caller, Guid Id, string? To) : ICommand<CaseDto>, ICallerMessage;

public sealed class AssignCaseValidator : AbstractValidator<AssignCaseCommand>
{
    public AssignCaseValidator() => RuleFor(x => x.To).NotEmpty().MaximumLength(100).OverridePropertyName("to");
}

public sealed class AssignCaseHandler(IStoreDb db, SupportAccess access, TimeProvider clock) : ICommandHandler<AssignCaseCommand, CaseDto>
{
    public async ValueTask<CaseDto> Handle(AssignCaseCommand command, CancellationToken cancellationToken)
    {
        var (@case, staff) = await access.CaseAsync(command.Caller, command.Id, cancellationToken);
        if (!staff)
            throw new ForbiddenException($"A case is assigned by its team ({SupportAccess.RoleOf(@case.Team)} of {@case.Company}).");
        var calendar = await access.CalendarAsync(@case.Company, cancellationToken);
        var now = clock.Stored();
        @case.Assign(command.To!.Trim(), now, calendar);
        await db.SaveChangesAsync(cancellationToken);
        return @case.ToDto(calendar, now, staff);
    }
}

/// <summary>Staff move a case: open, pending (waiting on the requester), onHold, solved, closed (from solved).</summary>
public sealed record ChangeCaseStateCommand(Caller Caller, Guid Id, string? State) : ICommand<CaseDto>, ICallerMessage;

public sealed class ChangeCaseStateValidator : AbstractValidator<ChangeCaseStateCommand>
{
    public ChangeCaseStateValidator() =>
        RuleFor(x => x.State).Must(s => WireNames.TryParseWire<CaseState>(s, out _))
            .WithMessage($"state is one of {WireNames.All<CaseState>()}.").OverridePropertyName("state");
}

public sealed class ChangeCaseStateHandler(IStoreDb db, SupportAccess access, TimeProvider clock, Notifications.Notifier notifier) : ICommandHandler<ChangeCaseStateCommand, CaseDto>
{
    public async ValueTask<CaseDto> Handle(ChangeCaseStateCommand command, CancellationToken cancellationToken)
    {
        var (@case, staff) = await access.CaseAsync(command.Caller, command.Id, cancellationToken);
        if (!staff)
            throw new ForbiddenException("A case's state is set by its team; a reply reopens it.");
        var calendar = await access.CalendarAsync(@case.Company, cancellationToken);
        var now = clock.Stored();
        var state = WireNames.TryParseWire<CaseState>(command.State, out var s) ? s
            : throw new DomainValidationException("validation", "state", $"state is one of {WireNames.All<CaseState>()}.");
        var before = @case.State;
        @case.ChangeState(state, now, calendar);
        if (@case.State != before)
            await CaseNotices.ToRequesterAsync(notifier, @case, $"{command.Caller.Subject} set it to {@case.State.WireName()}.", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return @case.ToDto(calendar, now, staff);
    }
}

/// <summary>The requester rates a solved case 1 to 5.</summary>
public sealed record RateCaseCommand(Caller Caller, Guid Id, int? Score) : ICommand<CaseDto>, ICallerMessage;

public sealed class RateCaseValidator : AbstractValidator<RateCaseCommand>
{
    public RateCaseValidator() =>
        RuleFor(x => x.Score).NotNull().InclusiveBetween(1, 5).WithMessage("score is 1 (poor) to 5 (excellent).").OverridePropertyName("score");
}

public sealed class RateCaseHandler(IStoreDb db, SupportAccess access, TimeProvider clock) : ICommandHandler<RateCaseCommand, CaseDto>
{
    public async ValueTask<CaseDto> Handle(RateCaseCommand command, CancellationToken cancellationToken)
    {
        var (@case, staff) = await access.CaseAsync(command.Caller, command.Id, cancellationToken);
        if (!SupportAccess.IsRequester(command.Caller, @case))
            throw new ForbiddenException("A case is rated by the person who opened it.");
        var now = clock.Stored();
        @case.Rate(command.Score!.Value, now);
        await db.SaveChangesAsync(cancellationToken);
        return @case.ToDto(await access.CalendarAsync(@case.Company, cancellationToken), now, staff);
    }
}
