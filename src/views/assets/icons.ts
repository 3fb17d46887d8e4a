// The site icon: a red calendar (the header's red, a white title bar and six white days). Browsers
// that take SVG icons use ICON_SVG (linked from every page); /favicon.ico, which browsers and
// feed readers ask for on their own, is the same drawing as a 16 and 32 px ICO (PNG inside).
export const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
<rect width="32" height="32" rx="5" fill="#a61b1b"/>
<rect x="6" y="6" width="20" height="3" fill="#fff"/>
<g fill="#fff"><rect x="7" y="11" width="4" height="6"/><rect x="13" y="11" width="4" height="6"/><rect x="19" y="11" width="4" height="6"/>
<rect x="7" y="19" width="4" height="6"/><rect x="13" y="19" width="4" height="6"/><rect x="19" y="19" width="4" height="6"/></g>
</svg>`;

export const FAVICON_ICO = Uint8Array.from(
  atob(
    'AAABAAIAEBAAAAEAIABrAAAAJgAAACAgAAABACAAiwAAAJEAAACJUE5HDQoaCgAAAA1JSERSAAAAEAAAABAIBgAAAB/z/2EAAAAySURBVHjaY2AAgmXS0v/JwQyUaIYbQlUDiAW0cwFVDEB2Ii42bQ0YDYPBEAZ0zZEgvQC7QgKJf0m0YwAAAABJRU5ErkJggolQTkcNChoKAAAADUlIRFIAAAAgAAAAIAgGAAAAc3p69AAAAFJJREFUeNpjYEACy6Sl/9MDM6ADelmM0yED6oCBshzuiFEH4JKgNhh1wGgiJMsBuIKRVPFRB4w6YOg6YLQcGE0Dow4YdcBoOTAyHDDaNxzo7jkAv2D5qYuS1xAAAAAASUVORK5CYII=',
  ),
  (ch) => ch.charCodeAt(0),
);
