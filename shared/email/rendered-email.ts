/** An email ready to send: the plain-text and HTML bodies say the same thing. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}
