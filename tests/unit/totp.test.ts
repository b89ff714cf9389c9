import { describe, expect, it } from "vitest";
import {
  base32Decode,
  base32Encode,
  formatSecretForDisplay,
  generateTotpSecret,
  otpauthUri,
  timeStep,
  totpCode,
  verifyTotp,
} from "@/lib/auth/totp";
import { qrSvg } from "@/lib/auth/totp-qr";

// RFC 6238 appendix B uses the ASCII bytes "12345678901234567890" as the SHA-1 key.
const RFC_SECRET = base32Encode(Buffer.from("12345678901234567890", "ascii"));
const at = (seconds: number) => new Date(seconds * 1000);

describe("base32", () => {
  it("encodes the RFC 4648 test vectors without padding", () => {
    expect(base32Encode(Buffer.from("foobar"))).toBe("MZXW6YTBOI");
    expect(base32Encode(Buffer.from("f"))).toBe("MY");
    expect(RFC_SECRET).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  });

  it("round-trips random bytes of every length mod 5", () => {
    for (let length = 0; length <= 25; length++) {
      const bytes = Buffer.from(Array.from({ length }, (_, i) => (i * 97 + length * 31) & 0xff));
      expect(base32Decode(base32Encode(bytes)).equals(bytes)).toBe(true);
    }
  });

  it("ignores spaces and case on decode, refuses other characters", () => {
    expect(base32Decode("mzxw 6ytb oi").toString()).toBe("foobar");
    expect(() => base32Decode("MZXW6YTBO1")).toThrow(/Invalid base32 character: "1"/);
    expect(() => base32Decode("MZXW6YTBOI======")).toThrow(/Invalid base32/);
    expect(() => base32Decode("MZXW-6YTB")).toThrow(/Invalid base32/);
  });

  it("generates 20-byte secrets as 32 uppercase base32 characters", () => {
    const a = generateTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(a)).toHaveLength(20);
    expect(generateTotpSecret()).not.toBe(a);
  });
});

describe("totpCode", () => {
  it.each([
    [59, "287082"],
    [1111111109, "081804"],
    [1111111111, "050471"],
    [1234567890, "005924"],
    [2000000000, "279037"],
    [20000000000, "353130"],
  ])("matches RFC 6238 appendix B at t=%i", (seconds, code) => {
    expect(totpCode(RFC_SECRET, timeStep(at(seconds)))).toBe(code);
  });

  it("counts 30-second steps from the epoch", () => {
    expect(timeStep(at(0))).toBe(0);
    expect(timeStep(at(29.999))).toBe(0);
    expect(timeStep(at(30))).toBe(1);
    expect(timeStep(at(59))).toBe(1);
  });
});

describe("verifyTotp", () => {
  const now = at(1111111111);
  const step = timeStep(now);

  it("accepts the current step and returns it", () => {
    expect(verifyTotp(RFC_SECRET, "050471", now, null)).toEqual({ ok: true, step });
  });

  it("accepts one step of drift either way, not two", () => {
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, step - 1), now, null)).toEqual({ ok: true, step: step - 1 });
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, step + 1), now, null)).toEqual({ ok: true, step: step + 1 });
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, step - 2), now, null)).toEqual({ ok: false });
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, step + 2), now, null)).toEqual({ ok: false });
  });

  it("refuses a replay of the same step and of an earlier step", () => {
    const first = verifyTotp(RFC_SECRET, "050471", now, null);
    expect(first).toEqual({ ok: true, step });
    expect(verifyTotp(RFC_SECRET, "050471", now, step)).toEqual({ ok: false });
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, step - 1), now, step)).toEqual({ ok: false });
    // Not over-eager: a later step is still accepted after an earlier one was used.
    expect(verifyTotp(RFC_SECRET, "050471", now, step - 1)).toEqual({ ok: true, step });
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, step + 1), now, step)).toEqual({ ok: true, step: step + 1 });
  });

  it("refuses a wrong code and malformed input, strips spaces", () => {
    expect(verifyTotp(RFC_SECRET, "050472", now, null)).toEqual({ ok: false });
    for (const bad of ["", "12345", "1234567", "12a456", "050471\n", "０５０４７１", "-50471"]) {
      expect(verifyTotp(RFC_SECRET, bad, now, null)).toEqual({ ok: false });
    }
    expect(verifyTotp(RFC_SECRET, " 287 082 ", at(59), null)).toEqual({ ok: true, step: 1 });
  });
});

describe("otpauthUri", () => {
  it("builds the key URI with encoded label and parameters", () => {
    const uri = otpauthUri({ secret: "JBSWY3DPEHPK3PXP", accountName: "ana+2fa@example.com", issuer: "Rolecall Dev" });
    expect(uri).toBe(
      "otpauth://totp/Rolecall%20Dev:ana%2B2fa%40example.com" +
        "?secret=JBSWY3DPEHPK3PXP&issuer=Rolecall%20Dev&algorithm=SHA1&digits=6&period=30",
    );
    const parsed = new URL(uri);
    expect(parsed.protocol).toBe("otpauth:");
    expect(parsed.host).toBe("totp");
    expect(decodeURIComponent(parsed.pathname)).toBe("/Rolecall Dev:ana+2fa@example.com");
    expect(parsed.searchParams.get("issuer")).toBe("Rolecall Dev");
  });

  it("encodes a colon or ampersand so the label and query stay unambiguous", () => {
    const uri = otpauthUri({ secret: "AAAA", accountName: "a:b", issuer: "X&Y" });
    expect(uri).toContain("/totp/X%26Y:a%3Ab?");
    expect(uri).toContain("&issuer=X%26Y&");
  });
});

describe("formatSecretForDisplay", () => {
  it("groups by four", () => {
    expect(formatSecretForDisplay("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")).toBe("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ");
    expect(formatSecretForDisplay("ABCDEF")).toBe("ABCD EF");
    expect(base32Decode(formatSecretForDisplay(RFC_SECRET)).toString()).toBe("12345678901234567890");
  });
});

describe("qrSvg", () => {
  it("renders an SVG", async () => {
    const svg = await qrSvg("otpauth://totp/X:y?secret=AAAA");
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain("<path");
    expect(await qrSvg("other")).not.toBe(svg);
  });
});
