import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

const colors = { ink: "#1b2a41", muted: "#4a5568", brand: "#003399", line: "#d9dee7", bg: "#f4f6fa" };

/** The frame every MIEUX+ Community email shares. */
export function EmailLayout({ preview, children }: { preview: string; children: ReactNode }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: colors.bg, fontFamily: "Arial, Helvetica, sans-serif", color: colors.ink, margin: 0 }}>
        <Container style={{ maxWidth: 560, margin: "24px auto", backgroundColor: "#ffffff", borderRadius: 8, border: `1px solid ${colors.line}` }}>
          <Section style={{ backgroundColor: colors.brand, borderRadius: "8px 8px 0 0", padding: "16px 24px" }}>
            <Text style={{ color: "#ffffff", fontSize: 18, fontWeight: 700, margin: 0 }}>MIEUX+ Community</Text>
          </Section>
          <Section style={{ padding: "8px 24px 16px" }}>{children}</Section>
          <Hr style={{ borderColor: colors.line, margin: 0 }} />
          <Section style={{ padding: "12px 24px" }}>
            <Text style={{ color: colors.muted, fontSize: 12, margin: 0 }}>
              MIEUX+ is funded by the European Union and implemented by ICMPD. You receive this email because of your
              MIEUX+ Community account.
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={{ fontSize: 15, lineHeight: "22px", margin: "12px 0" }}>{children}</Text>;
}

export function ActionButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Section style={{ margin: "20px 0" }}>
      <a
        href={href}
        style={{ backgroundColor: colors.brand, color: "#ffffff", padding: "12px 20px", borderRadius: 6, textDecoration: "none", fontWeight: 700, display: "inline-block" }}
      >
        {children}
      </a>
    </Section>
  );
}

export function LinkFallback({ href }: { href: string }) {
  return (
    <Text style={{ fontSize: 13, color: colors.muted, wordBreak: "break-all" }}>
      If the button does not work, copy this address into your browser: {href}
    </Text>
  );
}
