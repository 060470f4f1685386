/** How the terminal agenda marks up text; plain text when colour is off. */
export interface Style {
  heading(text: string): string;
  day(text: string): string;
  time(text: string): string;
  submission(text: string): string;
  inspectorAction(text: string): string;
  dim(text: string): string;
  warning(text: string): string;
}

const same = (text: string): string => text;

export const PLAIN_STYLE: Style = {
  heading: same,
  day: same,
  time: same,
  submission: same,
  inspectorAction: same,
  dim: same,
  warning: same,
};
