import { describe, expect, it } from "vitest";
import {
  RECOVERY_CODE_COUNT,
  generateRecoveryCodes,
  hashRecoveryCode,
  normalizeRecoveryCode,
} from "@/lib/auth/recovery-codes";

const FORMAT = /^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/;

describe("recovery codes", () => {
  it("are ten distinct xxxxx-xxxxx codes from the unambiguous alphabet", () => {
    const codes = generateRecoveryCodes();
    expect(RECOVERY_CODE_COUNT).toBe(10);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) {
      expect(code).toMatch(FORMAT);
      expect(code).not.toMatch(/[01oil]/);
      expect(normalizeRecoveryCode(code)).toBe(code.replace("-", ""));
    }
  });

  it("use the whole alphabet without modulo bias", () => {
    const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
    const counts = new Map<string, number>();
    for (let i = 0; i < 1_000; i++) {
      for (const char of generateRecoveryCodes().join("").replace(/-/g, "")) counts.set(char, (counts.get(char) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([...alphabet].sort());
    // 100,000 characters. Unbiased, the first 8 symbols get 8/31 of them (~25,806, sd ~138);
    // a plain byte % 31 gives them 72/256 (~28,125). The midpoint is >8 sd from either.
    const firstEight = [...alphabet.slice(0, 8)].reduce((sum, char) => sum + (counts.get(char) ?? 0), 0);
    expect(firstEight).toBeLessThan(26_966);
    for (const count of counts.values()) expect(count).toBeGreaterThan(2_800);
  });

  it("normalize user input: trim, case, spaces and dashes", () => {
    expect(normalizeRecoveryCode("  ABCDE-FGHJK ")).toBe("abcdefghjk");
    expect(normalizeRecoveryCode("abcde fghjk")).toBe("abcdefghjk");
    expect(normalizeRecoveryCode("ab-cd-ef-gh-jk")).toBe("abcdefghjk");
  });

  it("refuse wrong lengths and characters", () => {
    for (const bad of ["", "abcde-fghj", "abcde-fghjkm", "abcde-fghj1", "abcde-fghjo", "abcde-fghji", "abcde-fghjl", "abcde_fghjk", "abcdé-fghjk"]) {
      expect(normalizeRecoveryCode(bad)).toBeNull();
    }
  });

  it("hash to 64 hex characters, stable and distinct per code", () => {
    const hash = hashRecoveryCode("abcdefghjk");
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecoveryCode("abcdefghjk")).toBe(hash);
    expect(hashRecoveryCode("abcdefghjm")).not.toBe(hash);
    // Independent value (sha256sum), so a change of algorithm or encoding is caught.
    expect(hash).toBe("22f3f00d7f9cfe6eeefa9b71bdcb093a9080fcf4981d2dbf932648fa15a2d793");
  });
});
