import { useEffect, useRef, type RefObject } from "react";
import type { PacketResult } from "./types";

/**
 * The packet page's keys: j/k move between flags, a accepts, r focuses the rejection reason (Enter there rejects),
 * u undoes, ? shows help. With "open only" on, j/k step over the hidden decided flags.
 */
export function useReviewKeys(
  selected: number,
  setSelected: (i: number) => void,
  openOnly: boolean,
  help: RefObject<HTMLDialogElement>,
) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      if (["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName) || e.metaKey || e.ctrlKey || e.altKey) return;
      if (e.key === "?") {
        e.preventDefault();
        const dlg = help.current;
        if (dlg?.open) dlg.close();
        else dlg?.showModal();
        return;
      }
      const cards = [...document.querySelectorAll<HTMLElement>(".flag[data-flag]")];
      if (!cards.length) return;
      if (e.key === "j" || e.key === "k") {
        const order = cards
          .map((_, i) => i)
          .filter((i) => !openOnly || i === selected || cards[i].dataset.status === "open");
        const next = order[Math.max(0, Math.min(order.length - 1, order.indexOf(selected) + (e.key === "j" ? 1 : -1)))];
        setSelected(next);
        cards[next].scrollIntoView({ block: "nearest" });
        const ev = document.getElementById(`ev-${cards[next].dataset.flag}`);
        ev?.scrollIntoView({ block: "center" });
        ev?.focus({ preventScroll: true });
      } else if (e.key === "a") {
        cards[selected]?.querySelector<HTMLButtonElement>("button[value=accept]")?.click();
      } else if (e.key === "u") {
        document.querySelector<HTMLButtonElement>("#undo button")?.click();
      } else if (e.key === "r") {
        e.preventDefault();
        cards[selected]?.querySelector<HTMLInputElement>("input[name=reason]")?.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [selected, openOnly, setSelected, help]);
}

/**
 * After a decision, the next open flag (after the one decided, wrapping) takes the focus; none left → readiness
 * (once the page has reloaded its data, so the buttons of the flag focused are enabled again).
 */
export function useFocusAfterDecision(result: PacketResult, navState: string, setSelected: (i: number) => void) {
  const handled = useRef<unknown>(null);
  useEffect(() => {
    if (!result?.ok || (!result.flagId && result.intent !== "bulk_accept")) return;
    if (navState !== "idle" || handled.current === result) return;
    handled.current = result;
    const cards = [...document.querySelectorAll<HTMLElement>(".flag[data-flag]")];
    const i = cards.findIndex((c) => c.dataset.flag === result.flagId);
    if (result.intent === "undo" && i >= 0) {
      // the flag that is open again takes the focus, so the right decision is one key away (the effect answers a
      // finished navigation, once per result: the selection follows what the server did)
      setSelected(i);
      cards[i].focus({ preventScroll: true });
      cards[i].scrollIntoView({ block: "nearest" });
      return;
    }
    const next = [...cards.slice(i + 1), ...cards.slice(0, Math.max(0, i))].find((c) => c.dataset.status === "open");
    if (next) {
      setSelected(cards.indexOf(next));
      next.focus({ preventScroll: true });
      next.scrollIntoView({ block: "nearest" });
    } else {
      document.getElementById("readiness")?.focus();
    }
  }, [result, navState, setSelected]);
}
