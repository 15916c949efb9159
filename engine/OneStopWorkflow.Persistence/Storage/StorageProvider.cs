namespace OneStopWorkflow.Persistence.Storage;

/// <summary>The database behind the store, chosen by <c>Storage:Provider</c>.</summary>
public enum StorageProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}
