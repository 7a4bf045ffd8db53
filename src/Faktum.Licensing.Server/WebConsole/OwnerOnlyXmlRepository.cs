using System.Xml.Linq;
using Faktum.Licensing.Server.Hosting;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Faktum.Licensing.Server.WebConsole;

/// <summary>
/// The console's Data Protection key ring in <c>{data}/console-keys</c>, owner-only like the rest of the data folder (F10):
/// the folder is 0700 before the first key is written, and every key file is narrowed to 0600 as soon as it is stored.
/// </summary>
internal sealed class OwnerOnlyXmlRepository : IXmlRepository
{
    private readonly string _path;
    private readonly FileSystemXmlRepository _inner;

    public OwnerOnlyXmlRepository(string path, ILoggerFactory loggers)
    {
        DataFolder.CreateOwnerOnlyDirectory(path);
        _path = path;
        _inner = new FileSystemXmlRepository(new DirectoryInfo(path), loggers);
    }

    public IReadOnlyCollection<XElement> GetAllElements() => _inner.GetAllElements();

    public void StoreElement(XElement element, string friendlyName)
    {
        _inner.StoreElement(element, friendlyName);
        DataFolder.Narrow(_path);
    }
}
