import { createContext, useContext } from "react";

/**
 * The per-response CSP nonce, given by entry.server.tsx to the scripts Remix writes inline. In the browser it is
 * empty (browsers hide nonces from the DOM; hydration does not need it).
 */
export const NonceContext = createContext("");
export const useNonce = () => useContext(NonceContext);
