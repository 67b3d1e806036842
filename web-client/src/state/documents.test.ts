import { describe, expect, it } from "vitest";
import { formatSize, viewOf } from "./documents";

const meta = (type: string) => ({ id: "d", name: "n", type, size: 1 });

describe("document views", () => {
  it("shows PDFs and images in the page and only downloads text", () => {
    expect(viewOf(meta("application/pdf"))).toBe("pdf");
    expect(viewOf(meta("image/png"))).toBe("image");
    expect(viewOf(meta("image/jpeg"))).toBe("image");
    expect(viewOf(meta("text/plain"))).toBe("download");
    expect(viewOf(meta("text/html"))).toBe("download");
  });

  it("writes sizes for people", () => {
    expect(formatSize(512)).toBe("512 B");
    expect(formatSize(48213)).toBe("47.1 KB");
    expect(formatSize(20 * 1024 * 1024)).toBe("20.0 MB");
  });
});
