/**
 * The browser features the dashboard never uses, turned off for every response (server/app.server.ts,
 * entry.server.tsx).
 */
export const PERMISSIONS_POLICY =
  "accelerometer=(), autoplay=(), camera=(), display-capture=(), " +
  "encrypted-media=(), fullscreen=(self), geolocation=(), gyroscope=(), " +
  ("magnetometer=(), microphone=(), midi=(), payment=(), picture-in-picture=(), " +
    "publickey-credentials-get=(), screen-wake-lock=(), ") +
  "serial=(), sync-xhr=(), usb=(), xr-spatial-tracking=()";
