namespace Dashboard.Core.Plans;

/// <summary>The leads who sign off GO/NO-GO at a gate (docs/sign-offs.md).</summary>
public enum SignOffRole
{
    EngineeringLead,
    OperationsLead,
    ProductLead,
    FinanceLead,
}
