//! The page at `/`: one self-contained HTML file (its CSS and JavaScript inline, no CDN),
//! compiled into the binary, with the bundled example article compiled in beside it.

use std::sync::OnceLock;

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};

/// The page's source.
const PAGE: &str = include_str!("../assets/index.html");
/// The example article of the repository, for the page's "Example" button.
const EXAMPLE: &str = include_str!("../../../examples/000_4fe1697fc82e48a7.txt");

/// The page, with the example in place (escaped for HTML).
pub fn html() -> &'static str {
    static HTML: OnceLock<String> = OnceLock::new();
    HTML.get_or_init(|| PAGE.replace("{{EXAMPLE}}", &escape(EXAMPLE)))
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// `GET /`.
pub async fn index() -> Response {
    let mut response = html().into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    // Everything the page uses is inline or on this server: nothing may come from elsewhere.
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:",
        ),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_is_self_contained() {
        let page = html();
        assert!(!page.contains("{{EXAMPLE}}"));
        assert!(page.contains("nusra front"), "the example is embedded");
        for external in ["http://", "https://", "//cdn", "src=\"//"] {
            assert!(!page.contains(external), "{external} in the page");
        }
    }
}
