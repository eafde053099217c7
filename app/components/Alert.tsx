/** A form's error in words, announced to screen readers; nothing when there is none. */
export function ErrorAlert({ error }: { error: string | null | undefined | false }) {
  return error ? (
    <p className="error" role="alert">
      {error}
    </p>
  ) : null;
}
