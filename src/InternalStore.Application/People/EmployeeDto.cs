namespace InternalStore.Application.People;

public sealed record EmployeeDto(
    string Id,
    string Name,
    string Email,
    string Company,
    string? CostCenter,
    int Grade,
    DateOnly HireDate,
    string Status,
    DateOnly? TerminationDate);

public sealed record CompanyDto(string Code, string Name, string? Parent, IReadOnlyList<CostCenterDto> CostCenters);

public sealed record CostCenterDto(string Code, string Name);
