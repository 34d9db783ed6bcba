// Safari before 16.4 (iOS 15, 16.0–16.3): no adoptedStyleSheets and no constructable stylesheets
// (`new CSSStyleSheet()` throws). Loaded before the widget, so it meets the old engine's API.
delete Document.prototype.adoptedStyleSheets;
delete ShadowRoot.prototype.adoptedStyleSheets;
window.CSSStyleSheet = function CSSStyleSheet() { throw new TypeError('Illegal constructor'); };
