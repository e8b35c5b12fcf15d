using System.Globalization;
using FluentValidation;
using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.Support;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Support;

/// <param name="Custom">False: the company has not set its own and the default applies.</param>
public sealed record SupportCalendarDto(string Company, string TimeZone, IReadOnlyList<string> WorkingDays, string Opens, string Closes,
    IReadOnlyList<DateOnly> Holidays, bool Custom, string? UpdatedBy, DateTimeOffset? UpdatedAt);

public sealed record GetSupportCalendarQuery(Caller Caller, string Company) : IQuery<SupportCalendarDto>, ICallerMessage;

public sealed record SetSupportCalendarCommand(Caller Caller, string Company, string? TimeZone, IReadOnlyList<string?>? WorkingDays,
    string? Opens, string? Closes, IReadOnlyList<DateOnly>? Holidays) : ICommand<SupportCalendarDto>, ICallerMessage;

public sealed class SetSupportCalendarValidator : AbstractValidator<SetSupportCalendarCommand>
{
    public SetSupportCalendarValidator()
    {
        RuleFor(x => x.TimeZone).NotEmpty().MaximumLength(64).Must(z => z is null || TimeZoneInfo.TryFindSystemTimeZoneById(z, out _))
            .WithMessage("timeZone is an IANA time zone, e.g. Europe/Berlin.").OverridePropertyName("timeZone");
        RuleFor(x => x.WorkingDays).NotEmpty().Must(d => d is null || d.All(day => SupportCalendarSetting.TryParseDay(day, out _)))
            .WithMessage("workingDays are mon, tue, wed, thu, fri, sat, sun.").OverridePropertyName("workingDays");
        RuleFor(x => x.Opens).Must(t => Time(t) is not null).WithMessage("opens is a time of day, HH:mm.").OverridePropertyName("opens");
        RuleFor(x => x.Closes).Must(t => Time(t) is not null).WithMessage("closes is a time of day, HH:mm.")
            .Must((x, t) => Time(t) is not { } c || Time(x.Opens) is not { } o || c > o).WithMessage("closes is after opens.")
            .OverridePropertyName("closes");
        RuleFor(x => x.Holidays).Must(h => h is null || h.Count <= 366).WithMessage("At most 366 holidays.").OverridePropertyName("holidays");
    }

    public static TimeOnly? Time(string? text) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
}

/// <summary>A company's calendar is read and set by its staff (hr, finance, catalog) and those of the companies above it.</summary>
public sealed class SupportCalendarHandlers(IStoreDb db, SupportAccess access, TimeProvider clock)
    : IQueryHandler<GetSupportCalendarQuery, SupportCalendarDto>, ICommandHandler<SetSupportCalendarCommand, SupportCalendarDto>
{
    public async ValueTask<SupportCalendarDto> Handle(GetSupportCalendarQuery query, CancellationToken cancellationToken)
    {
        await EnsureCoveredAsync(query.Caller, query.Company, cancellationToken);
        var stored = await db.SupportCalendars.AsNoTracking().FirstOrDefaultAsync(c => c.Company == query.Company, cancellationToken);
        return ToDto(query.Company, stored?.ToCalendar() ?? BusinessCalendar.Default, stored);
    }

    public async ValueTask<SupportCalendarDto> Handle(SetSupportCalendarCommand command, CancellationToken cancellationToken)
    {
        await EnsureCoveredAsync(command.Caller, command.Company, cancellationToken);
        var calendar = new BusinessCalendar(command.TimeZone!, command.WorkingDays!.Select(d => SupportCalendarSetting.TryParseDay(d, out var day) ? day : default),
            SetSupportCalendarValidator.Time(command.Opens)!.Value, SetSupportCalendarValidator.Time(command.Closes)!.Value, command.Holidays ?? []);
        var stored = await db.SupportCalendars.FirstOrDefaultAsync(c => c.Company == command.Company, cancellationToken);
        if (stored is null)
        {
            stored = new SupportCalendarSetting(command.Company);
            db.SupportCalendars.Add(stored);
        }

        stored.Set(calendar, command.Caller.Subject, clock.Stored());
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(command.Company, calendar, stored);
    }

    private async Task EnsureCoveredAsync(Caller caller, string company, CancellationToken ct)
    {
        if (!SupportAccess.TeamsOf(caller).Any() || !(await access.StaffCompaniesAsync(caller, ct)).Contains(company))
            throw new NotFoundException("Company", company);
    }

    private static SupportCalendarDto ToDto(string company, BusinessCalendar c, SupportCalendarSetting? stored) => new(company, c.TimeZone,
        c.WorkingDays.Order().Select(SupportCalendarSetting.DayName).ToList(), c.Opens.ToString("HH:mm", CultureInfo.InvariantCulture),
        c.Closes.ToString("HH:mm", CultureInfo.InvariantCulture), c.Holidays.Order().ToList(), stored is not null, stored?.UpdatedBy, stored?.UpdatedAt);
}
