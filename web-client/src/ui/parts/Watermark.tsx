// The viewer's name across every session view: a screenshot or a photo of the screen says whose it was.

export function Watermark({ name, contained = false }: { name: string; contained?: boolean }) {
  const label = `${name} · confidential`;
  return (
    <div class={contained ? "watermark contained" : "watermark"} aria-hidden="true">
      {Array.from({ length: 40 }, (_, index) => (
        <span key={index}>{label}</span>
      ))}
    </div>
  );
}
