namespace ScreeningBot.Testing.Storage;

/// <summary>One request through <see cref="StorageFaultProxy"/>: where it went, what the client got, and any fault applied.</summary>
/// <param name="Path">The decoded path, e.g. <c>/devstoreaccount1/d1234interviews(PartitionKey='…',RowKey='interview')</c> or <c>/devstoreaccount1/$batch</c>.</param>
/// <param name="ServiceStatus">For <see cref="StorageFaultKind.LoseResponse"/>: what the service answered before the response was replaced.</param>
public sealed record StorageRequest(StorageService Service, string Method, string Path, string Query, int Status = 0, StorageFaultKind? Fault = null, int? ServiceStatus = null);
