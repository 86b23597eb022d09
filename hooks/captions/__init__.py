"""Caption scripts for short vertical SNS videos of the testimonials.

plain (stored Markdown → caption text), units (widths, graphemes, film punctuation),
phrases (Japanese and English tokens with their break costs), breaking (the
cost-minimising layout of lines and cues), timing (frames), videos (which videos, parts
and cards), rules (one small checker per rule), writers (SRT, WebVTT, script), preview
(ASS → ffmpeg/libass contact sheet), stage (the build stage and the editor reports)."""
