{{%AUTOESCAPE context="HTML"}}
<p class="crumbs noprint">{{#CRUMB}}<a href="{{P}}{{URL}}">{{TEXT}}</a>{{#CRUMB_separator}} › {{/CRUMB_separator}}{{/CRUMB}}</p>
{{>ISSUED_VIEW}}
{{>LIFECYCLE}}
