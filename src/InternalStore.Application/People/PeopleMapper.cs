using InternalStore.Domain.People;
using Riok.Mapperly.Abstractions;

namespace InternalStore.Application.People;

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target, EnumMappingStrategy = EnumMappingStrategy.ByName)]
public static partial class PeopleMapper
{
    [MapProperty(nameof(Employee.CompanyCode), nameof(EmployeeDto.Company))]
    [MapProperty(nameof(Employee.CostCenterCode), nameof(EmployeeDto.CostCenter))]
    public static partial EmployeeDto ToDto(this Employee employee);

    public static partial IQueryable<EmployeeDto> ProjectToDto(this IQueryable<Employee> employees);

    private static string StatusName(EmploymentStatus status) => status == EmploymentStatus.Active ? "active" : "terminated";
}
