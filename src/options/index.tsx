// First: every language's messages, before any module that speaks (core/every-catalogue.ts).
import '../core/every-catalogue';
import {render} from 'preact';
import {localizeDocument} from '../core/i18n';
import {titled} from '../ui/language';
import {followTheme} from '../ui/theme';
import {Options} from './Options';

localizeDocument(document);
titled('optionsTitle');
void followTheme();
render(<Options />, document.getElementById('app')!);
