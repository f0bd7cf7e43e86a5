/** The popup's first script (a classic one, first in its <head>): its requests and page data started at once (./requests.ts). */
import {startEarly} from './requests';

startEarly();
