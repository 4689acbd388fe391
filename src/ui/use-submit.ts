import { useRef, useState } from 'preact/hooks';

export interface Submit {
  /** The person has tried to submit: from then on the form shows its errors. */
  submitted: boolean;
  /** A save is running: the button says so, and a second tap does nothing. */
  busy: boolean;
  /** The form's onSubmit. */
  onSubmit: (event: Event) => Promise<void>;
  /** A fresh form again, errors hidden (after a save that clears it for the next entry). */
  reset: () => void;
}

/**
 * The one way a form is sent: marks it submitted, so its errors show; stops
 * there if `invalid()` says so; otherwise runs `work`, once at a time. Both
 * are read when the form is sent, so they may use what the render works out
 * after this hook. The guard is a
 * ref, not the `busy` state, so a double tap before the next render cannot
 * save twice.
 */
export function useSubmit(work: () => Promise<unknown>, invalid: () => boolean = () => false): Submit {
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  return {
    submitted,
    busy,
    reset: () => setSubmitted(false),
    onSubmit: async (event: Event) => {
      event.preventDefault();
      setSubmitted(true);
      if (invalid() || running.current) return;
      running.current = true;
      setBusy(true);
      try {
        await work();
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
  };
}
