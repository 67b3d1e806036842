// Renders a PDF's pages onto canvases with pdf.js: no script in the document runs, no font or file is fetched.

import { useEffect, useRef, useState } from "preact/hooks";

export function PdfView({ data, label }: { data: ArrayBuffer; label: string }) {
  const pages = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let cancelled = false;
    const target = pages.current;
    (async () => {
      // Loaded on first use: the viewer is large and most sessions never open a PDF.
      const pdfjs = await import("pdfjs-dist");
      const worker = await import("pdfjs-dist/build/pdf.worker.min.mjs?url");
      pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
      const loading = pdfjs.getDocument({
        data: new Uint8Array(data.slice(0)),
        isEvalSupported: false,
        disableFontFace: true,
        enableXfa: false,
        useSystemFonts: false,
      });
      const pdf = await loading.promise;
      for (let number = 1; number <= pdf.numPages && !cancelled; number++) {
        const page = await pdf.getPage(number);
        const viewport = page.getViewport({ scale: 1.3 });
        const canvas = document.createElement("canvas");
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        canvas.className = "pdf-page";
        canvas.setAttribute("aria-label", `${label}, page ${number} of ${pdf.numPages}`);
        target?.appendChild(canvas);
        const context = canvas.getContext("2d");
        if (context) await page.render({ canvas, canvasContext: context, viewport }).promise;
      }
      if (!cancelled && target) target.dataset.rendered = String(pdf.numPages);
      await pdf.destroy();
    })().catch(() => {
      if (!cancelled) setFailed(true);
    });
    return () => {
      cancelled = true;
      target?.replaceChildren();
    };
  }, [data]);
  return failed ? (
    <p class="error">This PDF cannot be shown here. Download it instead.</p>
  ) : (
    <div class="pdf-pages" ref={pages} />
  );
}
