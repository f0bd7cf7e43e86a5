// First: every language's messages, before any module that speaks (core/every-catalogue.ts).
import '../core/every-catalogue';
import {render} from 'preact';
import {followTheme} from '../ui/theme';
import {localizeDocument} from '../core/i18n';
import {titled} from '../ui/language';
import {Move} from './Move';

localizeDocument(document);
void followTheme();
titled('moveDocTitle');
const query = new URLSearchParams(location.search);
render(<Move service={query.get('service')} tool={query.get('tool')} />, document.getElementById('app')!);
