namespace Faktum.Licensing;
