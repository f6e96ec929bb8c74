namespace ScreeningBot.Testing.Storage;

/// <summary>Which Azure Storage service a request went to.</summary>
public enum StorageService
{
    Table,
    Queue,
}
