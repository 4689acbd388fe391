import { useEffect, useState } from 'preact/hooks';

export type ReadAloudState = 'ready' | 'speaking' | 'no-voice';

function synth(): SpeechSynthesis | null {
  return typeof globalThis.speechSynthesis === 'undefined' ? null : globalThis.speechSynthesis;
}

/** An en-GB voice when the device has one, else any English one, else any at all. */
export function pickVoice(voices: readonly SpeechSynthesisVoice[]): SpeechSynthesisVoice | null {
  const lang = (v: SpeechSynthesisVoice) => v.lang.replace('_', '-').toLowerCase();
  return voices.find((v) => lang(v) === 'en-gb') ?? voices.find((v) => lang(v).startsWith('en')) ?? voices[0] ?? null;
}

/**
 * Reads text aloud with the device's own speech (nothing leaves the device).
 * Voices often arrive a moment after the page loads, so "no voice" is only
 * decided when there is no speech at all or when a tap finds none.
 */
export function useReadAloud(): { state: ReadAloudState; read: (text: string) => void } {
  const [state, setState] = useState<ReadAloudState>(() => (synth() ? 'ready' : 'no-voice'));
  useEffect(() => {
    const speech = synth();
    // Whatever is being read stops when the screen changes: the next person must not hear it.
    return () => speech?.cancel();
  }, []);
  const read = (text: string) => {
    const speech = synth();
    const voice = speech ? pickVoice(speech.getVoices()) : null;
    if (!speech || !voice) {
      setState('no-voice');
      return;
    }
    speech.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = 0.9;
    utterance.onend = () => setState('ready');
    utterance.onerror = () => setState('ready');
    setState('speaking');
    speech.speak(utterance);
  };
  return { state, read };
}
