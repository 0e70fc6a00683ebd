/**
 * Documents the platform renders as PDF with an embedded Chinese font (Noto Sans SC), so that the text
 * shows, copies and is indexed correctly on machines without CJK fonts.
 */
@org.springframework.modulith.NamedInterface("pdf")
package cn.jl.govit.document.pdf;
