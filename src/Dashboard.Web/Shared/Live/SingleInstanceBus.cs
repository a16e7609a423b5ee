namespace Dashboard.Web.Shared.Live;

/// <summary>The bus of an instance that runs alone: there is nobody to tell and nobody tells it anything.</summary>
public sealed class SingleInstanceBus : IInstanceBus
{
    public static SingleInstanceBus Instance { get; } = new();

    public void Publish<TMessage>(string channel, string key, TMessage message)
    {
    }

    public IDisposable Subscribe<TMessage>(string channel, Action<TMessage> handler) => new ChangeSubscription(() => { });
}
