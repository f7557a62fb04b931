//! What the preview adds to each HTML page it serves (never to built
//! files): the live-reload script, and the errors of the last build over
//! the page.

/// The live-reload script (`VERSION` is replaced by the version the page
/// was served with), and the error overlay when the last build failed.
const RELOAD_SCRIPT: &str = r#"<script>
(function () {
  var served = "VERSION";
  var source = new EventSource("/__oogst/events");
  window.oogstEvents = source;
  source.addEventListener("version", function (e) { if (e.data !== served) { location.reload(); } });
  source.addEventListener("reload", function () { location.reload(); });
  source.addEventListener("moved", function (e) {
    var urls = e.data.split(" "), here = location.pathname.replace(/index\.html$/, "");
    if (here === urls[0]) { location.replace(urls[1]); } else { location.reload(); }
  });
  source.addEventListener("css", function () {
    document.querySelectorAll('link[rel="stylesheet"]').forEach(function (link) {
      var url = link.href.replace(/[?&]oogst=\d+/, "");
      link.href = url + (url.indexOf("?") < 0 ? "?" : "&") + "oogst=" + Date.now();
    });
  });
})();
</script>"#;

/// Adds the reload script (and the overlay) before `</body>`.
pub fn inject(html: &str, errors: Option<&str>, version: &str, english: bool) -> String {
    let mut extra = RELOAD_SCRIPT.replace("VERSION", version);
    if let Some(errors) = errors {
        extra.push_str(&overlay(errors, english));
    }
    match html.rfind("</body>") {
        Some(at) => format!("{}{extra}{}", &html[..at], &html[at..]),
        None => format!("{html}{extra}"),
    }
}

fn overlay(errors: &str, english: bool) -> String {
    let title = match english {
        true => "oogst: the last change has errors; this is the last good version.",
        false => "oogst: de laatste wijziging bevat fouten; dit is de laatste goede versie.",
    };
    format!(
        "<div id=\"oogst-errors\" role=\"alert\" style=\"position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;\
         background:#3b0d0c;color:#fff;font:14px/1.5 ui-monospace,monospace;padding:1rem 1.5rem;z-index:9999;\
         box-shadow:0 -4px 16px rgba(0,0,0,.4)\"><strong>{title}</strong>\
         <pre style=\"white-space:pre-wrap;margin:.5rem 0 0\">{}</pre></div>",
        crate::helpers::escape::html(errors)
    )
}

pub(super) fn not_found(path: &str, english: bool) -> String {
    let (lang, title, there_is_none, home) = match english {
        true => ("en", "Not found", "There is no page at", "To the portal"),
        false => (
            "nl",
            "Niet gevonden",
            "Er is geen pagina op",
            "Naar het portaal",
        ),
    };
    format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title}</title></head>\
         <body><h1>404: {title}</h1><p>{there_is_none} <code>{}</code>.</p><p><a href=\"/\">{home}</a></p></body></html>",
        crate::helpers::escape::html(path)
    )
}

/// The page for a page this edition leaves out: why it is missing, and
/// how to preview it.
pub(super) fn hidden_page(path: &str, english: bool) -> String {
    let (lang, title, text) = match english {
        true => (
            "en",
            "For participants only",
            "This page is for the network's participants and is not in the public site. To preview it, run <code>oogst watch --audience network</code>.",
        ),
        false => (
            "nl",
            "Alleen voor deelnemers",
            "Deze pagina is voor de deelnemers van het netwerk en staat niet in de openbare site. Bekijk haar met <code>oogst watch --audience network</code>.",
        ),
    };
    format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title}</title></head>\
         <body><h1>{title}</h1><p>{text}</p><p><code>{}</code></p><p><a href=\"/\">Portal</a></p></body></html>",
        crate::helpers::escape::html(path)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_and_overlay_go_before_the_end_of_the_body() {
        let html = inject(
            "<html><body><p>x</p></body></html>",
            Some("a.md:1:1: error: <kapot>"),
            "5-1",
            false,
        );
        assert!(html.contains("var served = \"5-1\";"));
        assert!(html.contains("de laatste wijziging bevat fouten"));
        let english = inject("<body></body>", Some("x"), "1", true);
        assert!(english.contains("the last change has errors"));
        assert!(html.contains("EventSource(\"/__oogst/events\")"));
        assert!(html.contains("a.md:1:1: error: &lt;kapot&gt;"));
        assert!(html.ends_with("</body></html>"));
    }
}
