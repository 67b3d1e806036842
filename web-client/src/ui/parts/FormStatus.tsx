// The outcome of a form: a refusal read out at once (alert), or a confirmation read out politely (status).

export function FormStatus({ error, done }: { error?: string | null; done?: string | null }) {
  return (
    <>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {done && (
        <p class="ok" role="status">
          {done}
        </p>
      )}
    </>
  );
}
