namespace Faktum.Licensing.Server.WebConsole;

/// <summary>
/// The console's one style sheet, served as <c>/console/console.css</c> (CSP <c>style-src 'self'</c>: no inline styles).
/// Colours meet WCAG AA contrast (text #1b1f24 on white, links #0b4f9c); focus is always visible; one column on a phone.
/// </summary>
internal static class ConsoleStyles
{
    public const string Css = """
        *{box-sizing:border-box}
        body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",sans-serif;color:#1b1f24;background:#fff}
        a{color:#0b4f9c}
        a:focus,button:focus,input:focus,select:focus{outline:3px solid #b35c00;outline-offset:2px}
        header{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;padding:.6rem 1rem;background:#12324f;color:#fff}
        header a{color:#fff}
        header nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0;padding:0}
        header nav a[aria-current=page]{font-weight:700;text-decoration-thickness:3px}
        header .who{margin-left:auto;display:flex;gap:.75rem;align-items:center;flex-wrap:wrap}
        header button{background:#fff;color:#12324f}
        main{max-width:78rem;margin:0 auto;padding:1rem}
        h1{font-size:1.6rem;margin:.5rem 0 1rem}
        h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
        table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
        th,td{text-align:start;padding:.35rem .5rem;border-bottom:1px solid #c9d1d9;vertical-align:top}
        th{background:#eef2f6}
        .scroll{overflow-x:auto}
        .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:.75rem;padding:0;list-style:none}
        .cards li{border:1px solid #c9d1d9;border-radius:6px;padding:.75rem}
        .cards strong{display:block;font-size:1.8rem}
        .cards-2{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:1rem}
        form.inline{display:inline-flex;gap:.4rem;align-items:center;margin:.2rem .4rem .2rem 0;flex-wrap:wrap}
        label{font-weight:600}
        input,select,button{font:inherit;padding:.35rem .6rem;border:1px solid #57606a;border-radius:4px}
        button{background:#0b4f9c;color:#fff;border-color:#0b4f9c;cursor:pointer}
        button.danger{background:#a40e26;border-color:#a40e26}
        .stack{display:flex;flex-direction:column;gap:.75rem;max-width:26rem}
        .notice{padding:.6rem .8rem;border-radius:4px;border:1px solid #1a7f37;background:#dafbe1}
        .error{padding:.6rem .8rem;border-radius:4px;border:1px solid #a40e26;background:#ffebe9}
        .field-error{color:#a40e26;font-weight:600}
        .help{color:#57606a}
        input[aria-invalid=true]{border:2px solid #a40e26}
        .warning{padding:.6rem .8rem;border-radius:4px;border:1px solid #9a6700;background:#fff8c5}
        dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
        dt{font-weight:600}
        dd{margin:0;overflow-wrap:anywhere}
        code,pre{font-family:ui-monospace,Consolas,monospace;overflow-wrap:anywhere;white-space:pre-wrap}
        .skip{position:absolute;left:-999px}
        .skip:focus{left:1rem;top:1rem;background:#fff;color:#0b4f9c;padding:.5rem;z-index:1}
        @media (max-width:40rem){main{padding:.6rem}dl{grid-template-columns:1fr}header .who{margin-left:0}}
        """;
}
