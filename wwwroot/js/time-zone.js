// The browser's IANA time zone ("Europe/Berlin"), for the user menu's local-time setting.
window.warRoomTime = { zone: () => Intl.DateTimeFormat().resolvedOptions().timeZone };
