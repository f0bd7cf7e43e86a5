import {render} from 'preact';
import {localizeDocument, t} from '../core/i18n';
import {Compare} from './Compare';

localizeDocument(document);
document.title = t('compareTitle');
const focus = new URLSearchParams(location.search).get('service');
render(<Compare focus={focus} />, document.getElementById('app')!);
