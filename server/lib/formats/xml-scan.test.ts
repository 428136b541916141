import { describe, expect, it } from "vitest";
import { UploadRefused } from "./errors.ts";
import { scanXml, XmlEdits } from "./xml-scan.ts";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

describe("scanXml", () => {
  it("names elements by namespace, whatever the prefix, and decodes text", () => {
    const seen: string[] = [];
    let text = "";
    scanXml(
      `<a:doc xmlns:a="${W}"><q:instrText xmlns:q="${W}">&#73;NCLUDE&amp;<![CDATA[<x>]]></q:instrText><b/></a:doc>`,
      {
        open: (e) => seen.push(`${e.ns === W ? "w" : e.ns}:${e.local}`),
        text: (value) => (text += value),
      },
    );
    expect(seen).toEqual(["w:doc", "w:instrText", ":b"]); // no default namespace declared
    expect(text).toBe("INCLUDE&<x>");
  });

  it("refuses document type declarations and malformed XML", () => {
    expect(() => scanXml('<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', {})).toThrow(
      expect.objectContaining({ reason: "unsafe" }),
    );
    for (const bad of ["<a><b></a>", "<a>", '<p:a xmlns:q="x"/>', "<a>&unknown;</a>", '<a b="<"/>']) {
      expect(() => scanXml(bad, { text: () => undefined })).toThrow(UploadRefused);
    }
  });

  it("removes source ranges, absorbing ranges inside a larger one", () => {
    const xml = "<a><b><c/></b><d/></a>";
    const edits = new XmlEdits();
    edits.remove(6, 10); // <c/>
    edits.remove(3, 14); // <b>…</b>
    edits.remove(14, 18); // <d/>
    expect(edits.apply(xml)).toBe("<a></a>");
  });
});
